@NullMarked
package org.arrival.actionplans.frameworks.reference;

import org.jspecify.annotations.NullMarked;
