@NullMarked
package org.arrival.actionplans.frameworks.domain;

import org.jspecify.annotations.NullMarked;
