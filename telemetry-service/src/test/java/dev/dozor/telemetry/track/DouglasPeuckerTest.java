package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DouglasPeuckerTest {

  private static boolean[] simplify(double[] x, double[] y, double tolerance) {
    boolean[] keep = new boolean[x.length];
    DouglasPeucker.simplify(x, y, 0, x.length - 1, tolerance, keep);
    return keep;
  }

  @Test
  void pointExactlyAtTheToleranceIsDroppedAndJustBeyondItIsKept() {
    // (0,0) (50,3) (100,0): the middle point lies 3 m from the chord
    double[] x = {0, 50, 100};
    double[] y = {0, 3, 0};
    assertArrayEquals(new boolean[] {true, false, true}, simplify(x, y, 3.0));
    assertArrayEquals(new boolean[] {true, true, true}, simplify(x, y, 2.999));
  }

  @Test
  void zeroToleranceKeepsEveryPointEvenOnAStraightLine() {
    double[] x = {0, 10, 20, 30};
    double[] y = {0, 0, 0, 0};
    assertArrayEquals(new boolean[] {true, true, true, true}, simplify(x, y, 0));
    assertArrayEquals(new boolean[] {true, false, false, true}, simplify(x, y, 0.001));
  }

  @Test
  void keepsTheCornersOfAnLShapeAndTheEnds() {
    // east 0..100 then north 0..100, a point every 10 m: only the start, the corner and the end
    double[] x = new double[21];
    double[] y = new double[21];
    for (int i = 0; i <= 10; i++) {
      x[i] = i * 10;
    }
    for (int i = 11; i <= 20; i++) {
      x[i] = 100;
      y[i] = (i - 10) * 10;
    }
    boolean[] keep = simplify(x, y, 1);
    int kept = 0;
    for (boolean k : keep) {
      kept += k ? 1 : 0;
    }
    assertEquals(3, kept);
    assertEquals(true, keep[0]);
    assertEquals(true, keep[10]);
    assertEquals(true, keep[20]);
  }

  @Test
  void distanceIsToTheSegmentNotToTheLineThroughIt() {
    // the middle point lies on the chord's line but 50 m beyond its end: a U-turn, kept
    double[] x = {0, 150, 100};
    double[] y = {0, 0, 0};
    assertArrayEquals(new boolean[] {true, true, true}, simplify(x, y, 10));
  }

  @Test
  void aDayLongRangeNeedsNoRecursion() {
    int n = 200_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = (i % 2) * 0.5; // zig-zag of 0.5 m
    }
    boolean[] keep = simplify(x, y, 1);
    assertEquals(true, keep[0]);
    assertEquals(true, keep[n - 1]);
    int kept = 0;
    for (boolean k : keep) {
      kept += k ? 1 : 0;
    }
    assertEquals(2, kept);
  }

  @Test
  void keepsEveryVertexOfAZigZagWiderThanTheTolerance() {
    // every point a vertex: the most unbalanced splits (quadratic time, so a shorter range)
    int n = 20_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = (i % 2) * 0.5;
    }
    boolean[] keep = simplify(x, y, 0.1);
    for (int i = 0; i < n; i++) {
      assertEquals(true, keep[i], "point " + i);
    }
  }
}
