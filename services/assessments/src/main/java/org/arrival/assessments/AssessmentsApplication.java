package org.arrival.assessments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** How ready a place is to include migrants and displaced people, and the evidence its needs rest on. */
@SpringBootApplication
public class AssessmentsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentsApplication.class, args);
    }
}
