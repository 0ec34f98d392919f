package org.arrival.contracts;

import java.util.List;

/**
 * Kafka header names of the CloudEvents 1.0 binary content mode, as every Arrival event carries them.
 * The payload is the event's JSON data; {@code content-type} is {@code application/json}.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    /** Versioned type, e.g. {@code org.arrival.registry.StakeholderRegistered.v1}. */
    public static final String TYPE = "ce_type";
    /** The producing service, e.g. {@code /arrival/registry}. */
    public static final String SOURCE = "ce_source";
    /** The id of the record the event is about (the aggregate id). */
    public static final String SUBJECT = "ce_subject";
    /** RFC 3339 instant of the change. */
    public static final String TIME = "ce_time";

    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Extension: the organisation that owns the record (a registry stakeholder id). */
    public static final String OWNER_ORG = "ce_ownerorg";
    /** Extension: the record's {@link DataClassification}. */
    public static final String DATA_CLASSIFICATION = "ce_dataclassification";

    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Headers every event must carry. */
    public static final List<String> REQUIRED =
            List.of(ID, SPEC_VERSION, TYPE, SOURCE, SUBJECT, TIME, OWNER_ORG, DATA_CLASSIFICATION, CONTENT_TYPE);

    private CloudEventHeaders() {}
}
