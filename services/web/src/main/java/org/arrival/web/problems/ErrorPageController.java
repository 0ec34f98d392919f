package org.arrival.web.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.arrival.web.layout.Pages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Errors that happen outside a page's controller (a filter, an unknown address) get a page in the reader's words. */
@Controller
public class ErrorPageController implements ErrorController {

    private final Pages pages;

    public ErrorPageController(Pages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ProblemPages.Kind kind = switch (status) {
            case 404 -> ProblemPages.Kind.NOT_FOUND;
            case 403 -> ProblemPages.Kind.FORBIDDEN;
            case 401 -> ProblemPages.Kind.SIGNED_OUT;
            case 400, 405, 409, 413, 415, 422 -> ProblemPages.Kind.REFUSED;
            case 503 -> ProblemPages.Kind.UNAVAILABLE;
            default -> ProblemPages.Kind.UNEXPECTED;
        };
        ModelAndView view = new ModelAndView("problems/problem");
        view.addObject("page", pages.of(request));
        view.addObject("kind", kind);
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }
}
