/**
 * Idempotent writes over HTTP: a write sent with an {@code Idempotency-Key} header runs once per user and key; a
 * retry of the same request gets the first answer again, marked {@code Idempotent-Replayed: true}.
 */
@NullMarked
package org.arrival.platform.idempotency;

import org.jspecify.annotations.NullMarked;
