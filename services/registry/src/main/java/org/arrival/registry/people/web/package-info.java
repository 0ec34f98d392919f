@NullMarked
package org.arrival.registry.people.web;

import org.jspecify.annotations.NullMarked;
