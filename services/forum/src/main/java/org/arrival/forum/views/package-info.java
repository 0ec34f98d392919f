@NullMarked
package org.arrival.forum.views;

import org.jspecify.annotations.NullMarked;
