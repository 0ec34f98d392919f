@NullMarked
package org.arrival.actionplans.progress.web;

import org.jspecify.annotations.NullMarked;
