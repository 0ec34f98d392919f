@NullMarked
package org.arrival.forum.projection.domain;

import org.jspecify.annotations.NullMarked;
