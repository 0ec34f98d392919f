/**
 * Checks generated from a service's own OpenAPI description: the refusal matrix ({@link
 * org.arrival.platform.testing.api.RefusalMatrix}) and generated bad input ({@link
 * org.arrival.platform.testing.api.BadInput}, {@link org.arrival.platform.testing.api.BadInputCheck}).
 */
@NullMarked
package org.arrival.platform.testing.api;

import org.jspecify.annotations.NullMarked;
