@NullMarked
package org.arrival.platform.security;

import org.jspecify.annotations.NullMarked;
