package org.arrival.platform.idempotency;

import java.util.UUID;

/** What a user's key stands for when a request arrives with it. */
public sealed interface Claim {

    /** The key is this request's now: run it, then {@link IdempotentRequests#complete} or release the attempt. */
    record Started(Attempt attempt) implements Claim {}

    /** The same request already ran and got this answer. */
    record Answered(StoredAnswer answer) implements Claim {}

    /** The same request is running now. */
    record Running() implements Claim {}

    /** The key was used for a different request (another method, address or body). */
    record OtherRequest() implements Claim {}

    /** One run of a request holding a user's key; only this run completes or releases it. */
    record Attempt(String userId, String key, UUID id) {}
}
