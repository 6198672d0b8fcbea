/**
 * The query plan: requests as the user wrote them, the planner that checks them against a file and makes one
 * {@link org.hicserve.service.plan.QueryPlan}, and the fan-outs (threads, processes) that run its tasks in order.
 */
package org.hicserve.service.plan;
