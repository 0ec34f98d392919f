/**
 * Signed webhooks: an organisation's administrators register an endpoint ({@code /webhooks}) and the event types it
 * wants; the notifications service POSTs each matching event to it as a CloudEvents 1.0 structured-mode JSON
 * document, retrying with backoff, and disables the endpoint after repeated consecutive failures.
 *
 * <h2>The request</h2>
 * <pre>
 * POST {registered url}
 * Content-Type: application/cloudevents+json; charset=utf-8
 * X-Arrival-Signature: v1=0c3f138a12840aafacf956b86b573bbb75efecb7c3834a53d12c183d1177c9e9
 * X-Arrival-Delivery: 0b6b1f3e-2c1d-4a51-9f7e-3b1a0c2d4e5f
 * X-Arrival-Timestamp: 1767225600
 *
 * {"specversion":"1.0","id":"...","type":"org.arrival.actionplans.PlanRecorded.v1","source":"...","time":"...",...}
 * </pre>
 *
 * <h2>The signature</h2>
 * {@code X-Arrival-Signature} is {@code v1=} followed by the lowercase hexadecimal HMAC-SHA256 of the signed content
 * {@code <X-Arrival-Timestamp>.<X-Arrival-Delivery>.<body>}: the timestamp header's decimal digits, a full stop, the
 * delivery header's value, a full stop, then the exact bytes of the request body. It is keyed with the webhook's
 * secret: the secret string exactly as it was shown when the webhook was registered or its secret rotated (43
 * base64url characters), taken as UTF-8 bytes; do not base64-decode it. The secret is shown only once; if it is lost,
 * rotate it ({@code POST /webhooks/{id}/rotate-secret}). Because the timestamp and the delivery id are signed, a
 * captured delivery sent again with a fresh timestamp, or under another delivery id, no longer verifies.
 *
 * <p>A receiver verifies a delivery like this:
 * <ol>
 * <li>Read the raw request body as bytes, before any JSON parsing (re-serialising parsed JSON changes the bytes and
 * the signature no longer matches).</li>
 * <li>Refuse (401) a delivery whose {@code X-Arrival-Timestamp} (seconds since the epoch, when this attempt was
 * sent) is more than 5 minutes from your clock.</li>
 * <li>Compute {@code "v1=" + hex(HMAC_SHA256(key = secret, message = timestamp + "." + deliveryId + "." + rawBody))}
 * and compare it with the {@code X-Arrival-Signature} header in constant time (Java
 * {@code MessageDigest.isEqual}, Python {@code hmac.compare_digest}, Node {@code crypto.timingSafeEqual}); a plain
 * string comparison leaks, by its timing, how much of a forged signature is right. Refuse the request (401) if
 * they differ.</li>
 * <li>Remember the {@code X-Arrival-Delivery} ids you accepted, for at least the 5 minutes of the tolerance (that
 * refuses a replay within the window), better for a day (retries of one delivery, for up to about six hours, carry
 * the same id and body with their own timestamp and signature): answer a delivery id you accepted before with 2xx
 * and do nothing again.</li>
 * <li>Answer 2xx quickly (queue the work). 408, 429, 5xx, timeouts and connection errors are retried with
 * backoff; redirects are NOT followed and, like any other 4xx, end the delivery.</li>
 * </ol>
 *
 * <pre>
 * // Java
 * Mac mac = Mac.getInstance("HmacSHA256");
 * mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
 * mac.update((timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8));
 * String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
 * boolean valid = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) &lt;= 300
 *         &amp;&amp; MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
 *                 signatureHeader.getBytes(StandardCharsets.US_ASCII));
 *
 * # Python
 * message = timestamp.encode() + b"." + delivery_id.encode() + b"." + raw_body
 * expected = "v1=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
 * valid = abs(time.time() - int(timestamp)) &lt;= 300 and hmac.compare_digest(expected, signature_header)
 * </pre>
 *
 * <h2>Which URLs are accepted</h2>
 * {@code https} (or {@code http}) without user name or password, on a host none of whose addresses is loopback,
 * link-local, a cloud metadata endpoint, multicast or the wildcard address; private network addresses are allowed.
 * The check runs at registration and again before every delivery. See
 * {@link org.arrival.notifications.webhooks.domain.TargetGuard}.
 */
@NullMarked
package org.arrival.notifications.webhooks;

import org.jspecify.annotations.NullMarked;
