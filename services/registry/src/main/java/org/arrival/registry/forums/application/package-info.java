@NullMarked
package org.arrival.registry.forums.application;

import org.jspecify.annotations.NullMarked;
