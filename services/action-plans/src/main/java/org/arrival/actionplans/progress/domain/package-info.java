@NullMarked
package org.arrival.actionplans.progress.domain;

import org.jspecify.annotations.NullMarked;
