/** A plan's page with its actions, and a commitment's vertical cascade. */
@org.jspecify.annotations.NullMarked
package org.arrival.web.plans;
