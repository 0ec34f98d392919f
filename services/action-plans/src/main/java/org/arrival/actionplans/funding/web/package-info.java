@NullMarked
package org.arrival.actionplans.funding.web;

import org.jspecify.annotations.NullMarked;
