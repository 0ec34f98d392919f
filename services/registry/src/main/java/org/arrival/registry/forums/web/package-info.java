@NullMarked
package org.arrival.registry.forums.web;

import org.jspecify.annotations.NullMarked;
