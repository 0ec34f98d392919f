/**
 * Signed webhooks: an organisation's administrators register an endpoint ({@code /webhooks}) and the event types it
 * wants; the notifications service POSTs each matching event to it as a CloudEvents 1.0 structured-mode JSON
 * document, retrying with backoff, and disables the endpoint after repeated consecutive failures.
 *
 * <h2>The request</h2>
 * <pre>
 * POST {registered url}
 * Content-Type: application/cloudevents+json; charset=utf-8
 * X-Arrival-Signature: sha256=5d61605c3feea9799210ddcb71307d4447bafb4f69e5c1a9e4a5c5a6e4b1f0e3
 * X-Arrival-Delivery: 0b6b1f3e-2c1d-4a51-9f7e-3b1a0c2d4e5f
 * X-Arrival-Timestamp: 1767225600
 *
 * {"specversion":"1.0","id":"...","type":"org.arrival.actionplans.PlanRecorded.v1","source":"...","time":"...",...}
 * </pre>
 *
 * <h2>The signature</h2>
 * {@code X-Arrival-Signature} is {@code sha256=} followed by the lowercase hexadecimal HMAC-SHA256 of the exact
 * bytes of the request body, keyed with the webhook's secret. The key is the secret string exactly as it was shown
 * when the webhook was registered or its secret rotated (43 base64url characters), taken as UTF-8 bytes; do not
 * base64-decode it. The secret is shown only once; if it is lost, rotate it ({@code POST /webhooks/{id}/rotate-secret}).
 *
 * <p>A receiver verifies a delivery like this:
 * <ol>
 * <li>Read the raw request body as bytes, before any JSON parsing (re-serialising parsed JSON changes the bytes and
 * the signature no longer matches).</li>
 * <li>Compute {@code "sha256=" + hex(HMAC_SHA256(key = secret, message = rawBody))}.</li>
 * <li>Compare it with the {@code X-Arrival-Signature} header in constant time (Java
 * {@code MessageDigest.isEqual}, Python {@code hmac.compare_digest}, Node {@code crypto.timingSafeEqual}); a plain
 * string comparison leaks, by its timing, how much of a forged signature is right. Reject the request (401) if
 * they differ.</li>
 * <li>Reject deliveries whose {@code X-Arrival-Timestamp} (seconds since the epoch, when the call was made) is more
 * than a few minutes from your clock. The timestamp header is not itself covered by the signature, so also
 * deduplicate on the CloudEvent's {@code id} (which is signed, as part of the body) or on
 * {@code X-Arrival-Delivery}: a replayed delivery then does nothing. Retries of one delivery carry the same
 * {@code X-Arrival-Delivery} and body.</li>
 * <li>Answer 2xx quickly (queue the work). 408, 429, 5xx, timeouts and connection errors are retried with
 * backoff; redirects are NOT followed and, like any other 4xx, end the delivery.</li>
 * </ol>
 *
 * <pre>
 * // Java
 * Mac mac = Mac.getInstance("HmacSHA256");
 * mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
 * String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
 * boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
 *         signatureHeader.getBytes(StandardCharsets.US_ASCII));
 *
 * # Python
 * expected = "sha256=" + hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
 * valid = hmac.compare_digest(expected, signature_header)
 * </pre>
 *
 * <h2>Which URLs are accepted</h2>
 * {@code https} (or {@code http}) without user name or password, on a host none of whose addresses is loopback,
 * link-local, a cloud metadata endpoint, multicast or the wildcard address; private network addresses are allowed.
 * The check runs at registration and again before every delivery. See
 * {@link org.arrival.notifications.webhooks.domain.TargetGuard}.
 */
package org.arrival.notifications.webhooks;
