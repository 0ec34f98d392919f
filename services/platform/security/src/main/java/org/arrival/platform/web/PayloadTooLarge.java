package org.arrival.platform.web;

import java.util.List;

/** 413: the request body is larger than the API accepts; nothing was read or written. */
public class PayloadTooLarge extends ApiException {

    public PayloadTooLarge(long limit) {
        super(
                413,
                "Payload too large",
                "The request body is larger than " + limit + " bytes, the most this API accepts",
                List.of());
    }
}
