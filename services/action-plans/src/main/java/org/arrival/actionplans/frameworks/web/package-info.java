@NullMarked
package org.arrival.actionplans.frameworks.web;

import org.jspecify.annotations.NullMarked;
