@NullMarked
package org.arrival.forum.exports;

import org.jspecify.annotations.NullMarked;
