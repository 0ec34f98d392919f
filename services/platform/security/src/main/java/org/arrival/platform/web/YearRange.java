package org.arrival.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The years a date or time of a request body may fall in. Without it a date must lie in the years
 * {@value RequestBodyScreen#EARLIEST_YEAR} to {@value RequestBodyScreen#LATEST_YEAR}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface YearRange {

    int from();

    int to();
}
