type Props = { points: readonly string[]; ordered?: boolean };

export function PointList({ points, ordered = false }: Props) {
  if (points.length === 0) return null;
  const items = points.map((point, index) => <li key={index}>{point}</li>);
  return ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}
