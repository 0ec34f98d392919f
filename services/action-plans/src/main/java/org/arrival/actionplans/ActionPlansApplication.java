package org.arrival.actionplans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What organisations committed to, how far they got, and what it is funded with. */
@SpringBootApplication
@EnableScheduling
public class ActionPlansApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActionPlansApplication.class, args);
    }
}
