package org.arrival.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a request body that holds a code, an identifier, an address of a machine (URL) or another
 * structured value rather than text people write, so the personal-data screen does not apply to it (control
 * characters are still refused). Every other text field is screened.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface NotFreeText {}
