package org.arrival.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page's template its {@link Page} as {@code page}. */
@ControllerAdvice
public class PageAdvice {

    private final Pages pages;

    public PageAdvice(Pages pages) {
        this.pages = pages;
    }

    @ModelAttribute("page")
    public Page page(HttpServletRequest request) {
        return pages.of(request);
    }
}
