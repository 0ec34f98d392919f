@NullMarked
package org.arrival.platform.directory;

import org.jspecify.annotations.NullMarked;
