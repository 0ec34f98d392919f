@NullMarked
package org.arrival.actionplans.progress.application;

import org.jspecify.annotations.NullMarked;
