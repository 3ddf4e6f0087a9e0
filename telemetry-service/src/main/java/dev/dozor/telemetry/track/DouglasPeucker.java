package dev.dozor.telemetry.track;

/**
 * Douglas–Peucker simplification on planar coordinates in metres, iterative (a day-long run would
 * overflow the stack of the recursive form). A point is kept when it lies strictly farther than the
 * tolerance from the segment between the kept points around it; the first and last point of a range
 * are always kept. A tolerance of 0 keeps every point.
 */
public final class DouglasPeucker {
  private DouglasPeucker() {}

  /**
   * Marks in {@code keep} the points of {@code [first, last]} that stay.
   *
   * @param toleranceM the largest distance in metres a dropped point may lie from the simplified
   *     line
   */
  public static void simplify(
      double[] x, double[] y, int first, int last, double toleranceM, boolean[] keep) {
    keep[first] = true;
    keep[last] = true;
    if (toleranceM <= 0) {
      for (int i = first + 1; i < last; i++) {
        keep[i] = true;
      }
      return;
    }
    double tol2 = toleranceM * toleranceM;
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = first;
    stack[top++] = last;
    while (top > 0) {
      int b = stack[--top];
      int a = stack[--top];
      if (b - a < 2) {
        continue;
      }
      int farthest = -1;
      double max2 = tol2;
      for (int i = a + 1; i < b; i++) {
        double d2 = segmentDistance2(x[i], y[i], x[a], y[a], x[b], y[b]);
        if (d2 > max2) {
          max2 = d2;
          farthest = i;
        }
      }
      if (farthest >= 0) {
        keep[farthest] = true;
        if (top + 4 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = a;
        stack[top++] = farthest;
        stack[top++] = farthest;
        stack[top++] = b;
      }
    }
  }

  /** Squared distance from p to the segment ab (to the nearer end beyond it). */
  static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
    t = Math.max(0, Math.min(1, t));
    double ex = px - (ax + t * dx);
    double ey = py - (ay + t * dy);
    return ex * ex + ey * ey;
  }
}
