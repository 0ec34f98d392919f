@NullMarked
package org.arrival.platform.web;

import org.jspecify.annotations.NullMarked;
