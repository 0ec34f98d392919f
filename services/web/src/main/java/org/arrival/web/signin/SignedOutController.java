package org.arrival.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where Keycloak sends people back after signing out: a page that says so and offers to sign in again. */
@Controller
public class SignedOutController {

    @GetMapping("/signed-out")
    public String signedOut() {
        return "signin/signedOut";
    }
}
