@NullMarked
package org.arrival.web.api.actionplans;

import org.jspecify.annotations.NullMarked;
