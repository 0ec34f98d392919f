@NullMarked
package org.arrival.registry.forums.domain;

import org.jspecify.annotations.NullMarked;
