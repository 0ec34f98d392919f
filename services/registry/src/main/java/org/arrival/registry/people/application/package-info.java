@NullMarked
package org.arrival.registry.people.application;

import org.jspecify.annotations.NullMarked;
