@NullMarked
package org.arrival.web.signin;

import org.jspecify.annotations.NullMarked;
