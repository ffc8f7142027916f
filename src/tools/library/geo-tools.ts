// Geo tools: great-circle distance and bearing, midpoints and degree/minute/second conversion.
import { defineTool } from '../define-tool.js';
import { choice, nonEmptyText, number, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const EARTH_RADIUS_KM = 6371.0088;
const radians = (deg: number): number => (deg * Math.PI) / 180;
const degrees = (rad: number): number => (rad * 180) / Math.PI;
const latitude = (which: string) =>
  number(`Latitude of the ${which} point in decimal degrees.`, { minimum: -90, maximum: 90 });
const longitude = (which: string) =>
  number(`Longitude of the ${which} point in decimal degrees.`, { minimum: -180, maximum: 180 });
const twoPoints = {
  lat1: latitude('first'),
  lon1: longitude('first'),
  lat2: latitude('second'),
  lon2: longitude('second'),
};
type TwoPoints = { lat1: number; lon1: number; lat2: number; lon2: number };

export function createGeoTools(): ToolSpec[] {
  const category = 'geo';
  return [
    defineTool<TwoPoints & { unit: 'km' | 'mi' | 'nmi' }>({
      name: 'geo_distance',
      description:
        'Great-circle (haversine) distance between two latitude/longitude points in km, miles or nautical miles.',
      category,
      tags: ['geo', 'distance', 'haversine', 'latitude', 'longitude', 'coordinates', 'how far', 'gps', 'map'],
      parameters: { ...twoPoints, unit: withDefault(choice('Unit of the result.', ['km', 'mi', 'nmi']), 'km') },
      handler: (args) => {
        const dLat = radians(args.lat2 - args.lat1);
        const dLon = radians(args.lon2 - args.lon1);
        const a =
          Math.sin(dLat / 2) ** 2 +
          Math.cos(radians(args.lat1)) * Math.cos(radians(args.lat2)) * Math.sin(dLon / 2) ** 2;
        const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
        const factor = { km: 1, mi: 0.621371192, nmi: 0.539956803 }[args.unit];
        return { distance: Math.round(km * factor * 1000) / 1000, unit: args.unit };
      },
    }),
    defineTool<TwoPoints>({
      name: 'geo_bearing',
      description: 'Initial compass bearing (heading in degrees and direction) from one coordinate to another.',
      category,
      tags: ['geo', 'bearing', 'heading', 'direction', 'compass', 'azimuth', 'navigation'],
      parameters: twoPoints,
      handler: (args) => {
        const y = Math.sin(radians(args.lon2 - args.lon1)) * Math.cos(radians(args.lat2));
        const x =
          Math.cos(radians(args.lat1)) * Math.sin(radians(args.lat2)) -
          Math.sin(radians(args.lat1)) * Math.cos(radians(args.lat2)) * Math.cos(radians(args.lon2 - args.lon1));
        const bearing = (degrees(Math.atan2(y, x)) + 360) % 360;
        const compass = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'][Math.round(bearing / 45) % 8];
        return { bearing: Math.round(bearing * 100) / 100, compass };
      },
    }),
    defineTool<TwoPoints>({
      name: 'geo_midpoint',
      description: 'Geographic midpoint halfway between two latitude/longitude coordinates.',
      category,
      tags: ['geo', 'midpoint', 'halfway', 'center', 'coordinates', 'meet in the middle'],
      parameters: twoPoints,
      handler: (args) => {
        const [φ1, λ1, φ2] = [radians(args.lat1), radians(args.lon1), radians(args.lat2)];
        const dλ = radians(args.lon2 - args.lon1);
        const bx = Math.cos(φ2) * Math.cos(dλ);
        const by = Math.cos(φ2) * Math.sin(dλ);
        const φ = Math.atan2(Math.sin(φ1) + Math.sin(φ2), Math.sqrt((Math.cos(φ1) + bx) ** 2 + by ** 2));
        const λ = λ1 + Math.atan2(by, Math.cos(φ1) + bx);
        return {
          lat: Math.round(degrees(φ) * 1e6) / 1e6,
          lon: Math.round((((degrees(λ) + 540) % 360) - 180) * 1e6) / 1e6,
        };
      },
    }),
    defineTool<{ dms: string }>({
      name: 'dms_to_decimal',
      description: 'Convert a coordinate in degrees, minutes, seconds (40°26\'46"N) to decimal degrees.',
      category,
      tags: ['geo', 'dms', 'degrees minutes seconds', 'decimal degrees', 'coordinates', 'convert'],
      parameters: { dms: nonEmptyText('The coordinate, e.g. 40°26\'46"N or 79 58 56 W.', 64) },
      handler: (args) => {
        const match = args.dms
          .trim()
          .match(/^(-?\d+(?:\.\d+)?)[°\s]+(?:(\d+(?:\.\d+)?)['′\s]+)?(?:(\d+(?:\.\d+)?)["″\s]*)?\s*([NSEW])?$/i);
        if (!match) throw new ToolInputError(`cannot read '${args.dms}' as degrees/minutes/seconds`);
        const [, d, m, s, hemisphere] = match;
        const value = Math.abs(Number(d)) + Number(m ?? 0) / 60 + Number(s ?? 0) / 3600;
        const negative = Number(d) < 0 || /[SW]/i.test(hemisphere ?? '');
        return Math.round((negative ? -value : value) * 1e6) / 1e6;
      },
    }),
    defineTool<{ value: number; axis: 'lat' | 'lon' }>({
      name: 'decimal_to_dms',
      description: 'Convert decimal degrees to degrees, minutes, seconds with a hemisphere letter.',
      category,
      tags: ['geo', 'dms', 'degrees minutes seconds', 'decimal degrees', 'coordinates', 'convert'],
      parameters: {
        value: number('The coordinate in decimal degrees.', { minimum: -180, maximum: 180 }),
        axis: choice('lat (N/S) or lon (E/W).', ['lat', 'lon']),
      },
      handler: (args) => {
        const abs = Math.abs(args.value);
        const d = Math.floor(abs);
        const m = Math.floor((abs - d) * 60);
        const s = Math.round(((abs - d) * 60 - m) * 60 * 100) / 100;
        const hemisphere = args.axis === 'lat' ? (args.value < 0 ? 'S' : 'N') : args.value < 0 ? 'W' : 'E';
        return `${d}°${m}'${s}"${hemisphere}`;
      },
    }),
  ];
}
