package org.arrival.forum.exports;

import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.platform.security.DisclosureControl;
import org.jspecify.annotations.Nullable;

/**
 * Actions as IATI 2.03 activities. The children of {@code iati-activity} are written in the order of the 2.03
 * schema's sequence.
 *
 * <p>Choices: the reporting organisation is the action's owner, who is also its accountable participating
 * organisation (role 2). Participants map IMPLEMENTING to 4, FUNDING to 1 and CONTRIBUTING to 3 (Extending): IATI
 * has no "contributing" role and the contribution runs through the owner's activity. Sectors use vocabulary 99
 * (reporting organisation's own) with the platform's sector codes: they are policy themes for urban reception
 * (e.g. SOCIAL_COHESION, LEGAL_STATUS, DIASPORA) with no one-to-one OECD DAC CRS purpose code, and a guessed DAC
 * code would misreport. Framework items {@code SDG-g.t} become tags of vocabulary 2 (SDG goal, code g) and 3 (SDG
 * target, code g.t). No budget or transaction: funding lines carry no periods or funder organisations.
 */
public final class IatiXml {

    /** An organisation as IATI names it: org-id reference, OrganisationType code and name. */
    public record Org(String ref, String type, String name) {}

    public record Participant(Org org, ParticipantRole role) {}

    public record Activity(
            ActionRow action,
            Org reporting,
            String description,
            List<Participant> participants,
            @Nullable ProgressReport report) {}

    static final Map<String, String> STATUS = Map.of(
            "PROPOSED",
            "1",
            "COMMITTED",
            "2",
            "IN_PROGRESS",
            "2",
            "ON_HOLD",
            "6",
            "COMPLETED",
            "3",
            "EVALUATED",
            "4",
            "CANCELLED",
            "5");

    private IatiXml() {}

    public static String write(List<Activity> activities, Instant generated) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = start(out, generated);
            for (Activity a : activities) {
                activity(x, a);
            }
            end(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("IATI export failed", e);
        }
        return out.toString();
    }

    /** Opens the document: activities follow one by one with {@link #activity}, then {@link #end}. */
    public static XMLStreamWriter start(Writer out, Instant generated) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("iati-activities");
        x.writeAttribute("version", "2.03");
        x.writeAttribute(
                "generated-datetime", generated.truncatedTo(ChronoUnit.SECONDS).toString());
        return x;
    }

    public static void end(XMLStreamWriter x) throws XMLStreamException {
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    public static void activity(XMLStreamWriter x, Activity activity) throws XMLStreamException {
        ActionRow a = activity.action();
        x.writeStartElement("iati-activity");
        x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
        x.writeStartElement("iati-identifier");
        x.writeCharacters(activity.reporting().ref() + "-" + a.id);
        x.writeEndElement();
        x.writeStartElement("reporting-org");
        x.writeAttribute("ref", activity.reporting().ref());
        x.writeAttribute("type", activity.reporting().type());
        narrative(x, activity.reporting().name());
        x.writeEndElement();
        x.writeStartElement("title");
        narrative(x, a.title);
        x.writeEndElement();
        x.writeStartElement("description");
        x.writeAttribute("type", "1");
        narrative(x, activity.description());
        x.writeEndElement();
        participating(x, activity.reporting(), "2");
        for (Participant p : activity.participants()) {
            participating(
                    x,
                    p.org(),
                    switch (p.role()) {
                        case FUNDING -> "1";
                        case CONTRIBUTING -> "3";
                        case IMPLEMENTING -> "4";
                    });
        }
        x.writeEmptyElement("activity-status");
        x.writeAttribute("code", a.status == null ? "1" : STATUS.getOrDefault(a.status, "1"));
        if (a.startDate != null) {
            date(x, "1", a.startDate.toString());
        }
        if (a.endDate != null) {
            date(x, "3", a.endDate.toString());
        }
        Set<String> countries = new LinkedHashSet<>();
        a.areas.stream().map(Jurisdiction::country).filter(c -> c != null).forEach(countries::add);
        List<String> countryShares = shares(countries.size());
        int c = 0;
        for (String country : countries) {
            x.writeEmptyElement("recipient-country");
            x.writeAttribute("code", country);
            x.writeAttribute("percentage", countryShares.get(c++));
        }
        for (Jurisdiction j : a.areas) {
            if (j.subdivision() != null || j.areaCode() != null) {
                location(x, j);
            }
        }
        List<String> sectorShares = shares(a.sectors.size());
        for (int i = 0; i < a.sectors.size(); i++) {
            x.writeStartElement("sector");
            x.writeAttribute("vocabulary", "99");
            x.writeAttribute("code", a.sectors.get(i));
            x.writeAttribute("percentage", sectorShares.get(i));
            narrative(x, a.sectors.get(i));
            x.writeEndElement();
        }
        for (String item : a.frameworkItems) {
            if (item.startsWith("SDG-")) {
                String target = item.substring(4);
                String goal = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
                tag(x, "2", goal);
                if (!goal.equals(target)) {
                    tag(x, "3", target);
                }
            }
        }
        ProgressReport report = activity.report();
        List<IndicatorValue> indicators = report == null ? null : report.indicators();
        if (report != null && indicators != null && !indicators.isEmpty()) {
            result(x, report, indicators);
        }
        x.writeEndElement();
    }

    private static void participating(XMLStreamWriter x, Org org, String role) throws XMLStreamException {
        x.writeStartElement("participating-org");
        x.writeAttribute("ref", org.ref());
        x.writeAttribute("type", org.type());
        x.writeAttribute("role", role);
        narrative(x, org.name());
        x.writeEndElement();
    }

    private static void date(XMLStreamWriter x, String type, String isoDate) throws XMLStreamException {
        x.writeEmptyElement("activity-date");
        x.writeAttribute("type", type);
        x.writeAttribute("iso-date", isoDate);
    }

    private static void tag(XMLStreamWriter x, String vocabulary, String code) throws XMLStreamException {
        x.writeEmptyElement("tag");
        x.writeAttribute("vocabulary", vocabulary);
        x.writeAttribute("code", code);
    }

    /** A location: the area's P-code as reference, reach "activity happens here", its name, class administrative region. */
    private static void location(XMLStreamWriter x, Jurisdiction j) throws XMLStreamException {
        x.writeStartElement("location");
        if (j.areaCode() != null) {
            x.writeAttribute("ref", j.areaCode());
        }
        x.writeEmptyElement("location-reach");
        x.writeAttribute("code", "1");
        String name = j.areaName() != null ? j.areaName() : j.areaCode() != null ? j.areaCode() : j.subdivision();
        x.writeStartElement("name");
        narrative(x, name);
        x.writeEndElement();
        x.writeEmptyElement("location-class");
        x.writeAttribute("code", "1");
        x.writeEndElement();
    }

    /**
     * One output result with the latest report's indicators: baseline, and target and actual for its period. Values
     * of indicators counting people are under the platform's disclosure control: below 5 (or left out by the report
     * as such, in {@code suppressed}) they have no value and a comment saying so, others are rounded to a multiple
     * of 5.
     */
    private static void result(XMLStreamWriter x, ProgressReport r, List<IndicatorValue> indicators)
            throws XMLStreamException {
        x.writeStartElement("result");
        x.writeAttribute("type", "1");
        x.writeStartElement("title");
        narrative(x, "Progress to " + r.periodEnd());
        x.writeEndElement();
        for (IndicatorValue i : indicators) {
            boolean people = DisclosureControl.countsPeople(i.unit());
            Double baseline = shown(i.baseline(), people);
            Double target = shown(i.target(), people);
            x.writeStartElement("indicator");
            x.writeAttribute("measure", "1");
            if (baseline != null && target != null) {
                x.writeAttribute("ascending", target >= baseline ? "1" : "0");
            }
            x.writeStartElement("title");
            narrative(x, i.unit() == null ? i.name() : i.name() + " (" + i.unit() + ")");
            x.writeEndElement();
            if (i.baseline() != null || suppressed(i, IndicatorValue.BASELINE)) {
                x.writeStartElement("baseline");
                x.writeAttribute("year", Integer.toString(r.periodStart().getYear()));
                x.writeAttribute("iso-date", r.periodStart().toString());
                value(x, baseline);
                x.writeEndElement();
            }
            x.writeStartElement("period");
            x.writeEmptyElement("period-start");
            x.writeAttribute("iso-date", r.periodStart().toString());
            x.writeEmptyElement("period-end");
            x.writeAttribute("iso-date", r.periodEnd().toString());
            if (i.target() != null || suppressed(i, IndicatorValue.TARGET)) {
                x.writeStartElement("target");
                value(x, target);
                x.writeEndElement();
            }
            if (i.actual() != null || suppressed(i, IndicatorValue.ACTUAL)) {
                x.writeStartElement("actual");
                value(x, shown(i.actual(), people));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** Whether the report left the value out as a head count below 5. */
    private static boolean suppressed(IndicatorValue i, String value) {
        return i.suppressed() != null && i.suppressed().contains(value);
    }

    /** A value as the export shows it: a head count under disclosure control (null when suppressed). */
    private static @Nullable Double shown(@Nullable Double value, boolean people) {
        if (value == null || !people || !Double.isFinite(value)) {
            return value;
        }
        return DisclosureControl.shownQuantity((double) Math.round(value));
    }

    /** The value attribute, or for a suppressed head count a comment saying it is below 5. */
    private static void value(XMLStreamWriter x, @Nullable Double shown) throws XMLStreamException {
        if (shown != null) {
            x.writeAttribute("value", decimal(shown));
            return;
        }
        x.writeStartElement("comment");
        narrative(x, "fewer than 5 (suppressed)");
        x.writeEndElement();
    }

    private static void narrative(XMLStreamWriter x, @Nullable String text) throws XMLStreamException {
        x.writeStartElement("narrative");
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static String decimal(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Percentages with two decimals summing to exactly 100, the first share taking the remainder. */
    static List<String> shares(int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        BigDecimal each = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        BigDecimal first = BigDecimal.valueOf(100).subtract(each.multiply(BigDecimal.valueOf(n - 1)));
        out.add(first.stripTrailingZeros().toPlainString());
        for (int i = 1; i < n; i++) {
            out.add(each.stripTrailingZeros().toPlainString());
        }
        return out;
    }
}
