@NullMarked
package org.arrival.actionplans.progress.persistence;

import org.jspecify.annotations.NullMarked;
