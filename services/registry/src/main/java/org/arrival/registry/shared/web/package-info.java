@NullMarked
package org.arrival.registry.shared.web;

import org.jspecify.annotations.NullMarked;
