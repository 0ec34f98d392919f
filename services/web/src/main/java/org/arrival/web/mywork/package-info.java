@NullMarked
package org.arrival.web.mywork;

import org.jspecify.annotations.NullMarked;
