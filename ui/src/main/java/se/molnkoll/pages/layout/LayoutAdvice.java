package se.molnkoll.pages.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout needs on every page: where the user is, and the same page in the other language. For the pages'
 * controllers and the error page's (in se.molnkoll.requests) only: the API's are controllers too, and computed these
 * for every call that renders no page (3 % of a command's request thread in a profile).
 */
@ControllerAdvice(basePackages = {"se.molnkoll.pages", "se.molnkoll.requests"})
class LayoutAdvice {

    /** The section of the site the page belongs to, for the navigation's aria-current. */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/services")) return "services";
        if (path.startsWith("/catalogue")) return "catalogue";
        if (path.startsWith("/risks")) return "risks";
        if (path.startsWith("/tasks")) return "tasks";
        if (path.startsWith("/vendors") || path.startsWith("/locations")) return "vendors";
        if (path.startsWith("/audit/verification")) return "verification";
        if (path.startsWith("/audit")) return "audit";
        if (path.startsWith("/admin")) return "admin";
        return "dashboard";
    }

    /** This page in Swedish and in English: the same address and parameters, with lang set. */
    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("lang");
        return new LanguageLinks(here.cloneBuilder().queryParam("lang", "sv").build().toUriString(),
                here.cloneBuilder().queryParam("lang", "en").build().toUriString());
    }

    record LanguageLinks(String swedish, String english) {
    }
}
