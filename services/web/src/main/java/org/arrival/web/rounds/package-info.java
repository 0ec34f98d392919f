/** Readiness checklist rounds: convening one, answering it recommendation by recommendation, its scores. */
@NullMarked
package org.arrival.web.rounds;

import org.jspecify.annotations.NullMarked;
