@NullMarked
package org.arrival.forum.web;

import org.jspecify.annotations.NullMarked;
