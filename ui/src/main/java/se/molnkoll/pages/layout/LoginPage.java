package se.molnkoll.pages.layout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.molnkoll.security.OidcProperties;

/** The sign-in page (Spring Security handles the form's POST /login and POST /logout). */
@Controller
class LoginPage {

    static final String VIEW = "login";

    private final boolean demoUsers;
    private final boolean singleSignOn;

    LoginPage(@Value("${molnkoll.demo-users}") boolean demoUsers, OidcProperties singleSignOn) {
        this.demoUsers = demoUsers;
        this.singleSignOn = singleSignOn.enabled();
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoUsers", demoUsers);
        model.addAttribute("singleSignOn", singleSignOn);
        return VIEW;
    }
}
