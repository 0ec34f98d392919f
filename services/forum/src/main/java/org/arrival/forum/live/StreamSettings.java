package org.arrival.forum.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the live-update streams.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and dead clients are noticed
 * @param maxDuration how long one stream stays open at most (it also ends when the caller's token expires)
 * @param maxPerCaller how many streams one user may hold open at once (tabs, devices)
 * @param maxStreams how many streams the instance holds open at once
 */
@ConfigurationProperties("arrival.forum.stream")
public record StreamSettings(Duration heartbeat, Duration maxDuration, Integer maxPerCaller, Integer maxStreams) {

    public StreamSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxDuration = maxDuration == null ? Duration.ofMinutes(30) : maxDuration;
        maxPerCaller = maxPerCaller == null ? 4 : maxPerCaller;
        maxStreams = maxStreams == null ? 500 : maxStreams;
    }
}
