package org.arrival.forum.live;

import java.util.List;
import org.arrival.platform.web.ApiException;

/** 429: the caller (or the instance) already holds as many live streams as it may. */
public class TooManyStreams extends ApiException {

    public TooManyStreams(String detail) {
        super(429, "Too Many Requests", detail, List.of());
    }
}
