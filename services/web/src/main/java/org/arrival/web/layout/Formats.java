package org.arrival.web.layout;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Numbers, money, percentages and dates as the reader's language writes them. */
public final class Formats {

    private final ULocale locale;
    private final TimeZone zone;

    public Formats(Locale locale, java.time.ZoneId zone) {
        this.locale = ULocale.forLocale(locale);
        this.zone = TimeZone.getTimeZone(zone.getId());
    }

    public String number(@Nullable Number value) {
        return value == null ? "" : NumberFormat.getInstance(locale).format(value);
    }

    /** A percentage given on a 0-100 scale. */
    public String percent(@Nullable Number value, int digits) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(digits);
        return f.format(value.doubleValue() / 100.0);
    }

    public String percent(@Nullable Number value) {
        return percent(value, 0);
    }

    /** An amount in its currency (ISO 4217 code), without minor units. */
    public String money(@Nullable BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(Currency.getInstance(currency));
            f.setMaximumFractionDigits(0);
            f.setMinimumFractionDigits(0);
            return f.format(amount);
        } catch (RuntimeException e) {
            return number(amount) + " " + currency;
        }
    }

    /** A calendar date (no time zone involved). */
    public String date(@Nullable LocalDate value) {
        if (value == null) {
            return "";
        }
        DateFormat f = DateFormat.getDateInstance(DateFormat.MEDIUM, locale);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(Date.from(value.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** The date of an instant, in the platform's time zone. */
    public String date(@Nullable Instant value) {
        if (value == null) {
            return "";
        }
        DateFormat f = DateFormat.getDateInstance(DateFormat.MEDIUM, locale);
        f.setTimeZone(zone);
        return f.format(Date.from(value));
    }

    public String dateTime(@Nullable Instant value) {
        if (value == null) {
            return "";
        }
        DateFormat f = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale);
        f.setTimeZone(zone);
        return f.format(Date.from(value));
    }

    public String time(Instant value) {
        DateFormat f = DateFormat.getTimeInstance(DateFormat.MEDIUM, locale);
        f.setTimeZone(zone);
        return f.format(Date.from(value));
    }

    /** Items joined as the language does ("a, b and c"). */
    public String list(List<String> items) {
        return ListFormatter.getInstance(locale).format(items);
    }
}
