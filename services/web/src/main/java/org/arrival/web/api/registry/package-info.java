@NullMarked
package org.arrival.web.api.registry;

import org.jspecify.annotations.NullMarked;
