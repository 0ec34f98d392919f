@NullMarked
package org.arrival.web;

import org.jspecify.annotations.NullMarked;
