@NullMarked
package org.arrival.web.apiclients;

import org.jspecify.annotations.NullMarked;
