using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// Gathers a collection task's item values into the shape its node has (what <c>Delayed.All</c> and collection
/// parameters build): an array, a <see cref="List{T}"/>, or a read-only list for the interface shapes.
/// </summary>
internal static class CollectionShapes
{
    public static object Gather(Type shape, IReadOnlyList<object?> items)
    {
        Type element = ElementType(shape);
        var array = Array.CreateInstance(element, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        if (shape.IsArray)
        {
            return array;
        }

        if (shape.GetGenericTypeDefinition() == typeof(List<>))
        {
            return Activator.CreateInstance(shape, array)!;
        }

        return Activator.CreateInstance(typeof(ReadOnlyCollection<>).MakeGenericType(element), array)!;
    }

    private static Type ElementType(Type shape)
    {
        if (shape.IsArray)
        {
            return shape.GetElementType()!;
        }

        if (shape.IsGenericType && shape.GetGenericArguments() is [var element]
            && (shape.GetGenericTypeDefinition() == typeof(List<>) || shape.IsAssignableFrom(typeof(ReadOnlyCollection<>).MakeGenericType(element))))
        {
            return element;
        }

        throw new NotSupportedException($"A collection task gathers into {shape}, which is not an array, List<T>, IReadOnlyList<T>, IReadOnlyCollection<T> or IEnumerable<T>.");
    }
}
